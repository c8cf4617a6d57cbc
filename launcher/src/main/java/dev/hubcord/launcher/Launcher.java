package dev.hubcord.launcher;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.security.CodeSource;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * {@code Main-Class} of the service jars: refuses an old JVM with a message, then runs {@code Hubcord-Main}. Written
 * in Java 8 (no {@code var}, no {@code Runtime.version()}): this class must load where nothing else of hubcord can.
 */
public final class Launcher {

    /** The Java feature release every hubcord service is compiled for. */
    public static final int REQUIRED = 25;

    /** The manifest attribute naming the service's real main class. */
    public static final String MAIN_ATTRIBUTE = "Hubcord-Main";

    private Launcher() {}

    public static void main(String[] args) throws Throwable {
        String problem = versionProblem(System.getProperty("java.specification.version"),
                System.getProperty("java.home"));
        if (problem != null) {
            System.err.println(problem);
            System.exit(1);
            return;
        }
        String mainClass = mainClass();
        Method main = Class.forName(mainClass).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause(); // the service's own failure, as if it had been started directly
        }
    }

    /**
     * The sentence for a user whose JVM is too old, or {@code null} when it is Java {@value #REQUIRED} or newer.
     *
     * @param specificationVersion {@code java.specification.version}: "1.8" up to Java 8, then "9", "17", "25"
     */
    public static String versionProblem(String specificationVersion, String javaHome) {
        int feature = feature(specificationVersion);
        if (feature >= REQUIRED) {
            return null;
        }
        return "hubcord needs Java " + REQUIRED + " or newer, but this is Java " + specificationVersion
                + (javaHome == null ? "" : " (" + javaHome + ")")
                + ". Run it with a JDK " + REQUIRED + ": set JAVA_HOME and use $JAVA_HOME/bin/java,"
                + " or start it through ./run.sh, which finds one under /usr/lib/jvm.";
    }

    static int feature(String specificationVersion) {
        if (specificationVersion == null) {
            return 0;
        }
        String v = specificationVersion.startsWith("1.") ? specificationVersion.substring(2) : specificationVersion;
        int end = 0;
        while (end < v.length() && Character.isDigit(v.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(v.substring(0, end));
    }

    private static String mainClass() throws IOException, URISyntaxException {
        CodeSource source = Launcher.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            throw new IllegalStateException("cannot find the jar this launcher was started from");
        }
        JarFile jar = new JarFile(new File(source.getLocation().toURI()));
        try {
            Manifest manifest = jar.getManifest();
            String main = manifest == null ? null : manifest.getMainAttributes().getValue(MAIN_ATTRIBUTE);
            if (main == null) {
                throw new IllegalStateException(jar.getName() + " has no " + MAIN_ATTRIBUTE + " attribute in its manifest");
            }
            return main;
        } finally {
            jar.close();
        }
    }
}
