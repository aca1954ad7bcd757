chek broken.rf
