package welljabber.sandbox;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** Finds programs on {@code PATH} and in the usual system folders, without running them. */
final class Executables {

    private static final String[] SYSTEM_FOLDERS = {"/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin", "/bin", "/sbin"};

    private Executables() {
    }

    static Optional<Path> find(String name) {
        Set<String> folders = new LinkedHashSet<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String folder : path.split(File.pathSeparator)) {
                if (!folder.isBlank()) {
                    folders.add(folder);
                }
            }
        }
        folders.addAll(java.util.List.of(SYSTEM_FOLDERS));
        for (String folder : folders) {
            Path candidate = Path.of(folder, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
