def log = new File(basedir, 'build.log').text
def dataDir = new File(basedir, 'target/loopguard')
def dataFiles = dataDir.isDirectory() ? dataDir.listFiles().findAll { it.name ==~ /loopguard-\d+\.json/ } : []

assert log.count('argLine set to -javaagent:') == 2
def last = log.readLines().findAll { it.contains('argLine set to') }.last()
assert last.count('-javaagent:') == 1 : "idempotent: ${last}"
assert last.endsWith('-Dit.fromProperty=yes')
assert log.contains('Tests run: 2, Failures: 0')
assert dataFiles.size() == 1 : "the agent ran: one data file expected in ${dataDir}"
assert log.readLines().any { it.contains('[WARNING]') && it =~ /HandlerTest\.java:\d+: blocking sleep call java\.lang\.Thread\.sleep on vert\.x-eventloop-thread-0/ }
assert log.contains('loopguard.haltOnFailure=false: the build goes on')
assert log.contains('BUILD SUCCESS')
return true
