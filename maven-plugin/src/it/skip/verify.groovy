def log = new File(basedir, 'build.log').text
def dataDir = new File(basedir, 'target/loopguard')
def dataFiles = dataDir.isDirectory() ? dataDir.listFiles().findAll { it.name ==~ /loopguard-\d+\.json/ } : []

assert log.contains('Skipping loopguard execution because property loopguard.skip is set.')
assert !log.contains('argLine set to')
assert dataFiles.isEmpty() : 'no agent, so no data file'
assert !log.contains('Could not find or load main class')
assert log.contains('Tests run: 1, Failures: 0')
assert log.contains('BUILD SUCCESS')
return true
