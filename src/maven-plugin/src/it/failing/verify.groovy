// The build fails with the message in the document's coordinates, and writes nothing.
def log = new File(basedir, "build.log").text
assert log.contains("src/docs/bad.md:13:24: error: unknown unit 's3'"), log
assert log.contains("    F = marginalize H over s3"), log
assert log.contains("energy: 0 document(s) rendered, 0 unchanged, 1 with errors"), log
assert !new File(basedir, "target/generated-docs/bad.md").exists()
assert !log.contains("Exception in thread") && !log.contains("StatusLogger"), log
return true
