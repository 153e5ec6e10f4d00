module gopkg.in/mgo.v2

go 1.26
