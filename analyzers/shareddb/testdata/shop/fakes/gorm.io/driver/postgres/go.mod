module gorm.io/driver/postgres

go 1.26

require gorm.io/gorm v0.0.0
