def log = new File(basedir, 'build.log').text
def dataDir = new File(basedir, 'target/loopguard')
def dataFiles = dataDir.isDirectory() ? dataDir.listFiles().findAll { it.name ==~ /loopguard-\d+\.json/ } : []

assert log.contains('argLine set to -javaagent:')
assert dataFiles.size() == 1 : "one data file expected in ${dataDir}"
// The check names the test's own line, repository-relative, in the problem-matcher form.
def violation = log.readLines().find { it.contains('[ERROR]') && it =~ /(^|[\s\/])src\/test\/java\/it\/loopguard\/HandlerTest\.java:19: blocking sleep call java\.lang\.Thread\.sleep on vert\.x-eventloop-thread-0 \(1 call, .*\) \[loopguard\]$/ }
assert violation != null : 'no path:line violation line in build.log'
assert log.contains('1 blocking call site on event-loop threads violates the loopguard rules (max-sites 0, all categories)')
assert log.contains('See the report at: file:')
assert log.contains('BUILD FAILURE')
// report and check wrote every format; SARIF paths come from the project's test source root.
['index.html', 'loopguard.json', 'loopguard.sarif', 'TEST-loopguard.xml'].each {
    assert new File(dataDir, it).isFile() : "missing ${it}"
}
assert new File(dataDir, 'loopguard.sarif').text.contains('src/test/java/it/loopguard/HandlerTest.java')
return true
