def log = new File(basedir, 'build.log').text
def builds = log.split(/\[INFO\] Scanning for projects\.\.\./)
def first = builds[-2]
def second = builds[-1]
def merged = new File(basedir, 'gate/target/loopguard-merged/loopguard-merged.json')

// Build 1: the blocking test ran, the gate failed on it.
assert first.contains('blocking sleep call java.lang.Thread.sleep on vert.x-eventloop-thread-0')
assert first.contains('BUILD FAILURE')
// Build 2: no data of this build, and build 1's merge is removed, not checked.
assert !merged.exists() : "the merged file of build 1 must not survive a build without data"
assert second.contains('Removed the merged loopguard data of an earlier build')
assert second.contains('Skipping loopguard check: no loopguard-*.json')
assert !second.contains('blocking sleep call')
assert second.contains('BUILD SUCCESS')
return true
