package io.mio4j.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Bars drawn with plain Java2D: one panel per metric, one bar per implementation at the
 * median over rounds, with a whisker from the lowest to the highest round. The value
 * axis starts at zero, so bar heights compare as ratios.
 */
final class BarChart {
    /** One panel: a title, the metric it shows and the decimals of its labels. */
    record Panel(String title, Metric metric, int decimals) {
    }

    private static final int PANEL_WIDTH = 400;
    private static final int PANEL_HEIGHT = 330;
    private static final int PER_ROW = 3;
    private static final int LEFT = 20;
    private static final int RIGHT = 20;
    private static final int TOP = 45;
    private static final int BOTTOM = 60;

    private BarChart() {
    }

    static void write(List<Panel> panels, List<Implementation> implementations, Measurements measurements, Path file)
            throws IOException {
        int columns = Math.min(PER_ROW, panels.size());
        int rows = (panels.size() + PER_ROW - 1) / PER_ROW;
        BufferedImage image = new BufferedImage(PANEL_WIDTH * columns, PANEL_HEIGHT * rows, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int i = 0; i < panels.size(); i++) {
            drawPanel(g, panels.get(i), implementations, measurements, (i % PER_ROW) * PANEL_WIDTH,
                    (i / PER_ROW) * PANEL_HEIGHT);
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static void drawPanel(Graphics2D g, Panel panel, List<Implementation> implementations,
            Measurements measurements, int originX, int originY) {
        int left = originX + LEFT;
        int right = originX + PANEL_WIDTH - RIGHT;
        int top = originY + TOP;
        int bottom = originY + PANEL_HEIGHT - BOTTOM;
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.setColor(Color.BLACK);
        g.drawString(panel.title(), left, originY + 20);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString(panel.metric().higherIsBetter() ? "higher is better" : "lower is better", left, originY + 35);

        List<Implementation> shown = new ArrayList<>();
        double highest = 0;
        for (Implementation implementation : implementations) {
            Spread spread = measurements.spread(panel.metric(), implementation);
            if (!spread.isEmpty()) {
                shown.add(implementation);
                highest = Math.max(highest, spread.max());
            }
        }
        g.setColor(Color.GRAY);
        g.drawLine(left, bottom, right, bottom);
        if (shown.isEmpty() || highest <= 0) {
            g.drawString("not measured", left + 10, (top + bottom) / 2);
            return;
        }
        double scale = (bottom - top) / (highest * 1.12);
        int slot = (right - left) / shown.size();
        int barWidth = Math.min(70, slot * 2 / 3);
        FontMetrics metrics = g.getFontMetrics();
        for (int i = 0; i < shown.size(); i++) {
            Implementation implementation = shown.get(i);
            Spread spread = measurements.spread(panel.metric(), implementation);
            int center = left + slot * i + slot / 2;
            int barTop = bottom - (int) Math.round(spread.median() * scale);
            g.setColor(PercentileChart.colorOf(implementation));
            g.fillRect(center - barWidth / 2, barTop, barWidth, bottom - barTop);
            // whisker: the range over rounds
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(1.5f));
            int low = bottom - (int) Math.round(spread.min() * scale);
            int high = bottom - (int) Math.round(spread.max() * scale);
            g.drawLine(center, low, center, high);
            g.drawLine(center - 6, low, center + 6, low);
            g.drawLine(center - 6, high, center + 6, high);
            String value = String.format(Locale.ROOT, "%,." + panel.decimals() + "f", spread.median());
            g.drawString(value, center - metrics.stringWidth(value) / 2, Math.min(barTop, high) - 5);
            String label = shortLabel(implementation);
            g.drawString(label, center - metrics.stringWidth(label) / 2, bottom + 16);
        }
    }

    private static String shortLabel(Implementation implementation) {
        return switch (implementation) {
            case C -> "C";
            case NIO -> "NIO";
            case NETTY -> "Netty";
            case MIO4J -> "mio4j";
            case MIO4J_FFM -> "mio4j FFM";
            case MIO4J_JNA -> "mio4j JNA";
        };
    }
}
