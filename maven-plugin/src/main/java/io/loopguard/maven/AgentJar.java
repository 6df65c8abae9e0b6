package io.loopguard.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * The agent jar, resolved as a plain file artifact of this plugin's own version (as JaCoCo's plugin finds its agent),
 * never put on the plugin's class path: the shaded agent carries its own copies of the format and HTML report
 * classes, and two copies on one class path would be picked by declaration order. Nothing of the agent runs in
 * Maven's JVM; the plugin only writes its path into {@code argLine}.
 */
final class AgentJar {
    static final String GROUP = "io.loopguard";
    static final String ARTIFACT = "loopguard-agent";

    private AgentJar() {
    }

    static File resolve(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories,
                        String version) throws MojoExecutionException {
        ArtifactRequest request = new ArtifactRequest(new DefaultArtifact(GROUP, ARTIFACT, "jar", version), repositories,
                null);
        try {
            File file = system.resolveArtifact(session, request).getArtifact().getFile();
            if (file == null || !file.isFile()) {
                throw new MojoExecutionException("the loopguard agent jar " + GROUP + ":" + ARTIFACT + ":" + version
                        + " resolved to no file");
            }
            return file;
        } catch (ArtifactResolutionException e) {
            throw new MojoExecutionException("cannot resolve the loopguard agent jar " + GROUP + ":" + ARTIFACT + ":"
                    + version + ": " + e.getMessage(), e);
        }
    }
}
