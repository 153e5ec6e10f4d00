module gorm.io/driver/sqlserver

go 1.26

require gorm.io/gorm v0.0.0
