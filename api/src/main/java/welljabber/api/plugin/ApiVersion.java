package welljabber.api.plugin;

/**
 * The version of {@code welljabber.api}, semantic: a plugin built against major M runs on any
 * api M.n with n at least its own minor; a different major is refused.
 *
 * <p>{@link #MAJOR} and {@link #MINOR} are compile-time constants on purpose: when a plugin writes
 * {@code new ApiVersion(ApiVersion.MAJOR, ApiVersion.MINOR)} the compiler copies the numbers into the
 * plugin's own class file, so the value records the api it was built against, not the one it runs on.
 */
public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {
    public static final int MAJOR = 1;
    public static final int MINOR = 4;

    public ApiVersion {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("API version numbers cannot be negative: " + major + "." + minor);
        }
    }

    /** The api this process runs. */
    public static ApiVersion running() {
        return new ApiVersion(MAJOR, MINOR);
    }

    /** Whether a plugin built against {@code builtAgainst} can run on this api. */
    public boolean canRun(ApiVersion builtAgainst) {
        return builtAgainst.major == major && builtAgainst.minor <= minor;
    }

    @Override
    public int compareTo(ApiVersion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
