def log = new File(basedir, 'build.log').text
def dataDir = new File(basedir, 'target/loopguard')
def dataFiles = dataDir.isDirectory() ? dataDir.listFiles().findAll { it.name ==~ /loopguard-\d+\.json/ } : []

assert log.contains('argLine set to -javaagent:')
assert dataFiles.size() == 1 : "the agent ran: one data file expected in ${dataDir}"
assert log.contains('All loopguard checks have been met (max-sites 0, all categories; 0 call sites, 0 baselined)')
assert !log.contains('[loopguard]  ') && !log.contains('blocking sleep call')
assert log.contains('BUILD SUCCESS')
return true
