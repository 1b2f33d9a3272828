package statescope.ui.trajectory;

import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import statescope.study.StateCloud;

/**
 * Hidden states of one layer in a PCA basis fitted once on a corpus of the language: the corpus as a
 * faint cloud coloured by reference state, centroids labelled by state, the current string's path on
 * top and the current point emphasised. 2D shows PC1 × PC2; 3D is an orthographic view rotated by
 * dragging.
 */
public final class TrajectoryView extends BorderPane {

    private final TrajectoryViewModel vm;
    private final Canvas canvas = new Canvas();
    private double lastX;
    private double lastY;

    public TrajectoryView(TrajectoryViewModel vm, javafx.beans.value.ObservableIntegerValue layers) {
        this.vm = vm;
        getStyleClass().add("trajectory-view");
        setId("trajectory-view");
        var title = new Label("Trajectory");
        title.getStyleClass().add("view-title");
        var note = new Label("PCA of h_t, fitted once on a sampled corpus, then frozen");
        note.getStyleClass().add("view-note");
        var three = new ToggleButton("3D");
        three.setId("trajectory-3d");
        three.getStyleClass().add("small");
        three.selectedProperty().bindBidirectional(vm.threeDProperty());
        var layer = new Spinner<Integer>();
        var factory = new SpinnerValueFactory.IntegerSpinnerValueFactory(1, Math.max(1, layers.get()), 1);
        layers.addListener((o, a, b) -> factory.setMax(Math.max(1, b.intValue())));
        layer.setValueFactory(factory);
        layer.setPrefWidth(80);
        factory.valueProperty().addListener((o, a, b) -> vm.layerProperty().set(b - 1));
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var bar = new HBox(10, title, note, spacer, three, new Label("layer"), layer);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("view-bar");
        statescope.ui.common.Bars.keepLabelsWhole(bar);
        setTop(bar);
        var holder = new Pane(canvas) {
            @Override
            protected void layoutChildren() {
                canvas.setWidth(getWidth());
                canvas.setHeight(getHeight());
                draw();
            }
        };
        holder.setMinSize(100, 100);
        setCenter(holder);
        holder.setOnMousePressed(e -> {
            lastX = e.getX();
            lastY = e.getY();
        });
        holder.setOnMouseDragged(e -> {
            if (vm.threeDProperty().get()) {
                vm.rotate(e.getX() - lastX, e.getY() - lastY);
                lastX = e.getX();
                lastY = e.getY();
                draw();
            }
        });
        vm.frameProperty().addListener((o, a, b) -> draw());
    }

    /** Projects a point [3] to screen coordinates (before scaling): 2D uses (x, y); 3D rotates. */
    private double[] view(float[] p) {
        if (!vm.threeDProperty().get()) {
            return new double[] {p[0], p[1], 0};
        }
        double yaw = vm.yawProperty().get();
        double pitch = vm.pitchProperty().get();
        double x = p[0] * Math.cos(yaw) + p[2] * Math.sin(yaw);
        double z = -p[0] * Math.sin(yaw) + p[2] * Math.cos(yaw);
        double y = p[1] * Math.cos(pitch) - z * Math.sin(pitch);
        double depth = p[1] * Math.sin(pitch) + z * Math.cos(pitch);
        return new double[] {x, y, depth};
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        var f = vm.frame();
        if (f == null || f.cloud() == null) {
            g.setFill(Color.web("#57606a"));
            g.setFont(Font.font(15));
            g.fillText("Fitting the projection on a sampled corpus of the language…", 24, 40);
            return;
        }
        StateCloud cloud = f.cloud();
        double[][] pts = new double[cloud.points().length][];
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = 0; i < pts.length; i++) {
            pts[i] = view(cloud.points()[i]);
            minX = Math.min(minX, pts[i][0]);
            maxX = Math.max(maxX, pts[i][0]);
            minY = Math.min(minY, pts[i][1]);
            maxY = Math.max(maxY, pts[i][1]);
        }
        for (float[] p : f.path()) {
            double[] v = view(p);
            minX = Math.min(minX, v[0]);
            maxX = Math.max(maxX, v[0]);
            minY = Math.min(minY, v[1]);
            maxY = Math.max(maxY, v[1]);
        }
        double pad = 48;
        double sx = (w - 2 * pad - 150) / Math.max(maxX - minX, 1e-6);
        double sy = (h - 2 * pad) / Math.max(maxY - minY, 1e-6);
        double s = Math.min(sx, sy);
        double ox = pad + ((w - 2 * pad - 150) - s * (maxX - minX)) / 2 - s * minX;
        double oy = h - pad - ((h - 2 * pad) - s * (maxY - minY)) / 2 + s * minY;
        drawAxes(g, w, h, pad);
        g.setGlobalAlpha(0.22);
        for (int i = 0; i < pts.length; i++) {
            g.setFill(Palette.of(cloud.states()[i]));
            g.fillOval(ox + s * pts[i][0] - 3, oy - s * pts[i][1] - 3, 6, 6);
        }
        g.setGlobalAlpha(1);
        float[][] path = f.path();
        g.setLineWidth(2.2);
        for (int i = 1; i < path.length; i++) {
            double[] a = view(path[i - 1]);
            double[] b = view(path[i]);
            g.setStroke(Color.web("#24292f", 0.25 + 0.65 * i / path.length));
            g.strokeLine(ox + s * a[0], oy - s * a[1], ox + s * b[0], oy - s * b[1]);
        }
        for (int i = 0; i < path.length; i++) {
            double[] a = view(path[i]);
            g.setFill(Palette.of(f.pathStates()[i]));
            g.fillOval(ox + s * a[0] - 4, oy - s * a[1] - 4, 8, 8);
        }
        if (path.length > 0) {
            double[] c = view(path[path.length - 1]);
            g.setStroke(Color.web("#24292f"));
            g.setLineWidth(3);
            g.setFill(Palette.of(f.pathStates()[path.length - 1]));
            g.fillOval(ox + s * c[0] - 10, oy - s * c[1] - 10, 20, 20);
            g.strokeOval(ox + s * c[0] - 10, oy - s * c[1] - 10, 20, 20);
        }
        g.setFont(Font.font("System", FontWeight.BOLD, 13));
        var placed = new java.util.ArrayList<double[]>();             // label boxes already drawn
        for (int q = 0; q < cloud.centroids().length; q++) {
            float[] c = cloud.centroids()[q];
            if (Float.isNaN(c[0])) {
                continue;
            }
            double[] v = view(c);
            double x = ox + s * v[0];
            double y = oy - s * v[1];
            g.setStroke(Palette.of(q));
            g.setLineWidth(2);
            g.strokeLine(x - 6, y - 6, x + 6, y + 6);
            g.strokeLine(x - 6, y + 6, x + 6, y - 6);
            String name = cloud.stateNames().get(q);
            double bw = 8 * name.length() + 10;
            double bx = x + 8;
            double by = y - 18;
            for (int tries = 0; tries < 8 && overlaps(placed, bx, by, bw); tries++) {
                by += 21;                                               // nudge down past earlier labels
            }
            placed.add(new double[] {bx, by, bw});
            if (by != y - 18) {
                g.setStroke(Palette.of(q));
                g.setLineWidth(1);
                g.strokeLine(x, y, bx, by + 10);
            }
            g.setFill(Color.web("#ffffff", 0.88));
            g.fillRoundRect(bx, by, bw, 20, 6, 6);
            g.setFill(Palette.of(q).darker());
            g.fillText(name, bx + 5, by + 15);
        }
        drawLegend(g, w, cloud);
    }

    private static boolean overlaps(java.util.List<double[]> placed, double x, double y, double w) {
        for (double[] r : placed) {
            if (x < r[0] + r[2] && r[0] < x + w && y < r[1] + 20 && r[1] < y + 20) {
                return true;
            }
        }
        return false;
    }

    private void drawAxes(GraphicsContext g, double w, double h, double pad) {
        g.setFill(Color.web("#57606a"));
        g.setFont(Font.font(12));
        if (vm.threeDProperty().get()) {
            g.fillText("drag to rotate", pad + 70, h - 14);
            double ox = pad + 24;
            double oy = h - 44;
            String[] names = {"PC1", "PC2", "PC3"};
            for (int axis = 0; axis < 3; axis++) {                     // a small rotating axis gizmo
                float[] unit = new float[3];
                unit[axis] = 1f;
                double[] v = view(unit);
                g.setStroke(Color.web("#57606a"));
                g.setLineWidth(1.5);
                g.strokeLine(ox, oy, ox + 26 * v[0], oy - 26 * v[1]);
                g.fillText(names[axis], ox + 30 * v[0] - 8, oy - 30 * v[1] + 4);
            }
        } else {
            g.fillText("PC1 →", w - 150 - pad - 20, h - 14);
            g.fillText("↑ PC2", 10, pad - 14);
        }
    }

    private void drawLegend(GraphicsContext g, double w, StateCloud cloud) {
        double x = w - 160;
        double y = 24;
        g.setFont(Font.font(13));
        g.setFill(Color.web("#57606a"));
        g.fillText("automaton state", x, y);
        int shown = Math.min(cloud.stateNames().size(), 14);
        for (int q = 0; q < shown; q++) {
            g.setFill(Palette.of(q));
            g.fillOval(x, y + 10 + q * 20, 11, 11);
            g.setFill(Color.web("#24292f"));
            g.fillText(cloud.stateNames().get(q), x + 18, y + 20 + q * 20);
        }
        if (cloud.stateNames().size() > shown) {
            g.setFill(Color.web("#57606a"));
            g.fillText("+" + (cloud.stateNames().size() - shown) + " more", x + 18, y + 20 + shown * 20);
        }
    }
}
