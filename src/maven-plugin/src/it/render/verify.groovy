// The documents rendered, the second build skipped them (nothing changed), other files left alone.
def out = new File(basedir, "target/generated-docs")
def notes = new File(out, "notes.md").text
assert notes.contains('```text\nmodel Pair\n')
assert notes.contains('$$') && notes.contains('Z &= 4 \\cosh J') // Σ over s1, s2 = ±1 of e^{J s1 s2} = 2e^J + 2e^{-J}
assert !notes.contains('```energy')
def paper = new File(out, "sub/paper.tex").text
assert paper.contains('\\begin{align*}') && !paper.contains('\\begin{energy}')
assert paper.contains('\\ln') && paper.contains('\\cosh')
assert !new File(out, "README.txt").exists()
def log = new File(basedir, "build.log").text
assert log.contains("energy: 0 document(s) rendered, 2 unchanged, 0 with errors"), "the second build did algebra:\n" + log
assert !log.contains("Exception in thread") && !log.contains("StatusLogger"), log
return true
