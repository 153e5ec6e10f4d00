module example.com/valuetest

go 1.26

require github.com/spf13/viper v0.0.0

replace github.com/spf13/viper => ./fakes/viper
