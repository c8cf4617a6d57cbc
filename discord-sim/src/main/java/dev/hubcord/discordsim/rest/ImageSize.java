package dev.hubcord.discordsim.rest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Width and height of an uploaded image, as Discord reports them on image attachments. Read from the image's header
 * only (no decoding), for the formats the JDK reads (PNG, JPEG, GIF, BMP, WBMP, TIFF).
 */
record ImageSize(int width, int height) {

    static Optional<ImageSize> of(String contentType, byte[] bytes) {
        if (contentType == null || !contentType.startsWith("image/")) {
            return Optional.empty();
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            var readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return Optional.of(new ImageSize(reader.getWidth(0), reader.getHeight(0)));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // not an image after all: Discord then omits the size too
        }
    }
}
