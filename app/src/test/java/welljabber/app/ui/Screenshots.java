package welljabber.app.ui;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;

import org.testfx.api.FxRobot;

/**
 * Saves what a node shows as a PNG into the folder named by {@code -Dwelljabber.screenshots=DIR},
 * for the documentation; without that property it does nothing. (The shell's module does not read
 * java.desktop, so no ImageIO: PNG is simple enough to write here.)
 */
final class Screenshots {
    private Screenshots() {
    }

    static void take(FxRobot robot, Node node, String name) throws IOException {
        String folder = System.getProperty("welljabber.screenshots");
        if (folder == null || folder.isBlank()) {
            return;
        }
        Image image = robot.capture(node).getImage();
        Path file = Files.createDirectories(Path.of(folder)).resolve(name + ".png");
        Files.write(file, png(image));
    }

    private static byte[] png(Image image) throws IOException {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        PixelReader pixels = image.getPixelReader();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(raw)) {
            for (int y = 0; y < height; y++) {
                deflate.write(0);
                for (int x = 0; x < width; x++) {
                    int argb = pixels.getArgb(x, y);
                    deflate.write(new byte[] {(byte) (argb >> 16), (byte) (argb >> 8), (byte) argb, (byte) (argb >>> 24)});
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(header);
        data.writeInt(width);
        data.writeInt(height);
        data.write(new byte[] {8, 6, 0, 0, 0});
        chunk(out, "IHDR", header.toByteArray());
        chunk(out, "IDAT", raw.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] body) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        data.writeInt(body.length);
        data.write(name);
        data.write(body);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(body);
        data.writeInt((int) crc.getValue());
    }
}
