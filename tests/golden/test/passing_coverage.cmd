test passing.rf --coverage --junit {tmp}/junit.xml
