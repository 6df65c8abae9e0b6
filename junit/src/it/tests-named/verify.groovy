def log = new File(basedir, 'build.log').text
def dataDir = new File(basedir, 'target/loopguard')

// One call site, reached from three tests: one violation line that names the three (in the order they ran), and not
// the test that blocked nothing.
def violations = log.readLines().findAll { it.contains('[ERROR]') && it.contains('[loopguard]') && it.contains('Config.java:7:') }
assert violations.size() == 1 : "one violation line for Config.java:7 expected, got ${violations}"
def line = violations[0]
assert line.contains(': blocking sleep call java.lang.Thread.sleep on vert.x-eventloop-thread-0 (3 calls, ')
['readsTheHost', 'readsThePort', 'readsTheTimeout'].each {
    assert line.contains("it.loopguard.ConfigReadersTest#${it}()") : "${it} not named in: ${line}"
}
assert line =~ / during it\.loopguard\.ConfigReadersTest#reads\w+\(\), /
assert !line.contains('blocksNothing')
assert log.contains('1 blocking call site on event-loop threads violates the loopguard rules')

// The data file keeps the tests per call site; the SARIF result and the JUnit XML name them too.
def data = dataDir.listFiles().find { it.name ==~ /loopguard-\d+\.json/ }.text
assert data.contains('"tests": [')
assert data.contains('"it.loopguard.ConfigReadersTest#readsTheHost()"')
assert !data.contains('blocksNothing')
assert new File(dataDir, 'loopguard.sarif').text.contains('ConfigReadersTest#readsThePort()')
assert new File(dataDir, 'TEST-loopguard.xml').text.contains('ConfigReadersTest#readsTheTimeout()')
assert log.contains('BUILD FAILURE')
return true
