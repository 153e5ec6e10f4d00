package proto

type Point struct{ Lat, Lng float64 }
