// A .tex fragment (align*, for \input) and the JSON document per file; nothing redone on the second build.
def out = new File(basedir, "target/generated-resources/energy")
def tex = new File(out, "pair.tex").text
assert tex.contains('\\begin{align*}') && tex.contains('H_{\\mathrm{eff}}(s_{1}, s_{2}) &=')
assert !tex.contains('\\documentclass')
def json = new groovy.json.JsonSlurper().parse(new File(out, "pair.json"))
assert json.format == "energy" && json.version == 1
def results = json.files[0].results
assert results*.name*.id == ["Heff", "Z"]
assert results[1].kind == "partitionFunction"
def log = new File(basedir, "build.log").text
assert log.contains("energy: 0 file(s) compiled, 1 unchanged, 0 with errors"), log
assert !log.contains("Exception in thread") && !log.contains("StatusLogger"), log
return true
