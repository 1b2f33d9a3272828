package statescope.inspect;

import java.util.List;

/**
 * One layer's corpus in a frozen projection: the points, the reference state of each, and the centroid
 * of each state.
 *
 * @param layer      the layer
 * @param projection the frozen projection (3 components)
 * @param points     projected corpus states, {@code [P][3]}
 * @param states     reference state of each point, {@code [P]} (an index into {@code stateNames})
 * @param stateNames name of each state index
 * @param centroids  mean projected point of each state, {@code [S][3]} (NaN when a state has no point)
 */
public record StateCloud(int layer, Projection projection, float[][] points, int[] states,
                         List<String> stateNames, float[][] centroids) {
}
