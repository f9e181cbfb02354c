// Each result verified numerically, and said so.
def log = new File(basedir, "build.log").text
assert log.contains("src/main/energy/pair.energy: Heff verified"), log
assert log.contains("src/main/energy/pair.energy: Z verified"), log
assert log.contains("energy: 1 file(s) checked, 0 unchanged"), log
assert new File(basedir, "target/energy-check/.energy-check.cache").text.contains("src/main/energy/pair.energy=")
assert !log.contains("Exception in thread") && !log.contains("StatusLogger"), log
return true
