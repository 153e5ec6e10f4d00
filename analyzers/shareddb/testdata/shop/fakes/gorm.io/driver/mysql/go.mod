module gorm.io/driver/mysql

go 1.26

require gorm.io/gorm v0.0.0
