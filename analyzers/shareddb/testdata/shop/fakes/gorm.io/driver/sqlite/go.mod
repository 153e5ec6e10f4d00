module gorm.io/driver/sqlite

go 1.26

require gorm.io/gorm v0.0.0
