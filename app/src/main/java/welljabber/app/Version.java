package welljabber.app;

/** The application's version, from the jar's manifest when packaged, "dev" when run from classes. */
public final class Version {
    private Version() {
    }

    public static String current() {
        String fromJar = Version.class.getPackage().getImplementationVersion();
        return fromJar != null ? fromJar : Version.class.getModule().getDescriptor() != null
                ? Version.class.getModule().getDescriptor().rawVersion().orElse("dev") : "dev";
    }
}
