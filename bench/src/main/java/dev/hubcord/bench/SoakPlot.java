package dev.hubcord.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;

/** Draws the soak's samples as four stacked line charts into a PNG (java.awt, headless). */
final class SoakPlot {

    private static final int WIDTH = 1000;
    private static final int PANEL = 200;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c)};

    private record Series(String name, ToDoubleFunction<SoakSample> value) {
    }

    private SoakPlot() {
    }

    static void draw(List<SoakSample> samples, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<List<Series>> panels = List.of(
                List.of(new Series("heap after GC (MB)", SoakSample::heapAfterGcMb), new Series("RSS (MB)", SoakSample::rssMb)),
                List.of(new Series("threads", s -> s.threads()), new Series("file descriptors", s -> s.fds())),
                List.of(new Series("p99 routing (ms)", SoakSample::p99Ms), new Series("longest GC pause (ms)",
                        SoakSample::gcMaxPauseMs)),
                List.of(new Series("acks pending", SoakSample::acksPending), new Series("events/s / 100",
                        s -> s.eventsPerSecond() / 100)));
        BufferedImage image = new BufferedImage(WIDTH, PANEL * panels.size(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int p = 0; p < panels.size(); p++) {
            panel(g, samples, panels.get(p), p * PANEL);
        }
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }

    private static void panel(Graphics2D g, List<SoakSample> samples, List<Series> series, int top) {
        int x0 = LEFT;
        int x1 = WIDTH - RIGHT;
        int y0 = top + PANEL - 25;
        int y1 = top + 25;
        double max = 1;
        for (Series s : series) {
            max = Math.max(max, Soak.max(Soak.column(samples, s.value())) * 1.1);
        }
        g.setColor(Color.LIGHT_GRAY);
        g.drawRect(x0, y1, x1 - x0, y0 - y1);
        g.setColor(Color.DARK_GRAY);
        g.drawString(String.format(java.util.Locale.ROOT, "%.1f", max), 5, y1 + 10);
        g.drawString("0", 5, y0);
        long lastSecond = samples.isEmpty() ? 1 : Math.max(1, samples.getLast().seconds());
        g.drawString(lastSecond + " s", x1 - 40, y0 + 15);
        g.setStroke(new BasicStroke(2f));
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            g.setColor(COLORS[k % COLORS.length]);
            g.drawString(s.name(), x0 + 10 + k * 250, top + 18);
            int px = -1;
            int py = -1;
            for (SoakSample sample : samples) {
                int x = x0 + (int) ((x1 - x0) * sample.seconds() / (double) lastSecond);
                int y = y0 - (int) ((y0 - y1) * s.value().applyAsDouble(sample) / max);
                if (px >= 0) {
                    g.drawLine(px, py, x, y);
                }
                px = x;
                py = y;
            }
        }
    }
}
