// The edited document is rendered again with its new content; the untouched one is skipped.
def log = new File(basedir, "build.log").text
assert log.contains("energy: 2 document(s) rendered, 0 unchanged, 0 with errors"), "first build:\n" + log
assert log.contains("energy: 1 document(s) rendered, 1 unchanged, 0 with errors"), "second build:\n" + log
def notes = new File(basedir, "target/generated-docs/notes.md").text
assert notes.contains("in a field") && notes.contains("cosh"), notes
assert !log.contains("Exception in thread") && !log.contains("StatusLogger"), log
return true
