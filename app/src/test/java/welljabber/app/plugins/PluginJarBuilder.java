package welljabber.app.plugins;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles a small plugin module against the api on this JVM's module path and packs it into a jar,
 * at test time: the jar is then dropped into a plugins folder like a third party's would be.
 */
public final class PluginJarBuilder {
    private final String module;
    private final Map<String, String> sources = new LinkedHashMap<>();

    private PluginJarBuilder(String module) {
        this.module = module;
    }

    public static PluginJarBuilder module(String name) {
        return new PluginJarBuilder(name);
    }

    public PluginJarBuilder source(String path, String code) {
        sources.put(path, code);
        return this;
    }

    /**
     * A plugin module with one class {@code <package>.TestPlugin}; {@code startBody} is the body of
     * {@code start(PluginContext context)}, {@code apiMajor} what it claims to be built against.
     */
    public static PluginJarBuilder plugin(String module, String id, String apiMajor, String startBody) {
        String pkg = module.replace("welljabber.plugin.", "testplugin.");
        return module(module)
                .source("module-info.java", "module " + module + " { requires welljabber.api;"
                        + " provides welljabber.api.plugin.Plugin with " + pkg + ".TestPlugin; }")
                .source(pkg.replace('.', '/') + "/TestPlugin.java", """
                        package %s;
                        import welljabber.api.plugin.*;
                        public final class TestPlugin implements Plugin {
                            public String id() { return "%s"; }
                            public String name() { return "Test plugin %s"; }
                            public String version() { return "1.2.3"; }
                            public String author() { return "WellJabber tests"; }
                            public ApiVersion builtAgainst() { return new ApiVersion(%s, ApiVersion.MINOR); }
                            public void start(PluginContext context) throws Exception { %s }
                            public void stop() { }
                        }
                        """.formatted(pkg, id, id, apiMajor, startBody));
    }

    public Path build(Path jar) throws IOException {
        Path work = Files.createTempDirectory("plugin-src-");
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<String> files = new ArrayList<>();
        for (var source : sources.entrySet()) {
            Path file = work.resolve("src").resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            files.add(file.toString());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<String> arguments = new ArrayList<>(List.of("--module-path", System.getProperty("jdk.module.path"),
                "-d", classes.toString(), "-proc:none"));
        arguments.addAll(files);
        StringWriter errors = new StringWriter();
        int status = compiler.run(null, null, new java.io.PrintStream(new java.io.ByteArrayOutputStream()) {
        }, arguments.toArray(String[]::new));
        if (status != 0) {
            // Run again capturing diagnostics, so the failing test says why.
            var diagnostics = new java.io.ByteArrayOutputStream();
            compiler.run(null, null, diagnostics, arguments.toArray(String[]::new));
            errors.write(diagnostics.toString());
            throw new IllegalStateException("Test plugin " + module + " did not compile:\n" + errors);
        }
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out);
                Stream<Path> walk = Files.walk(classes)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                jarOut.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                jarOut.write(Files.readAllBytes(file));
                jarOut.closeEntry();
            }
        }
        return jar;
    }
}
