def log = new File(basedir, 'build.log').text
def dataDir = new File(basedir, 'target/loopguard')
def dataFiles = dataDir.isDirectory() ? dataDir.listFiles().findAll { it.name ==~ /loopguard-\d+\.json/ } : []

def baseline = new File(basedir, 'loopguard-baseline.json')
assert baseline.isFile()
assert baseline.text.contains('"format": "loopguard-baseline/1"')
assert baseline.text.contains('"blockingMethod": "java.lang.Thread.sleep"')
assert log.contains('loopguard-baseline.json does not exist yet: checking without it.')
assert log.contains('loopguard-baseline.json: 1 entries (1 new, 0 not seen')
assert log.contains('All loopguard checks have been met (max-sites 0, all categories; 1 call sites, 1 baselined)')
def errors = log.readLines().findAll { it.contains('[ERROR]') && it.contains('[loopguard]') }
assert errors.size() == 1 : "only the new call site fails: ${errors}"
assert errors[0] =~ /src\/test\/java\/it\/loopguard\/HandlerTest\.java:43: blocking file call java\.nio\.file\.Files\.readString on vert\.x-eventloop-thread-0/
assert log.contains('1 blocking call site on event-loop threads violates the loopguard rules (max-sites 0, all categories; 1 more are baselined)')
return true
