package dev.hubcord.hub.cluster;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.KeyValueManagement;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.StorageType;
import java.io.IOException;

/**
 * The key-value buckets a clustered hub keeps in JetStream, created on first use with the same configuration by
 * every node (creating an existing bucket with an equal configuration is a no-op in JetStream). One value per key
 * ({@code maxHistoryPerKey} 1): the buckets hold current state, not history.
 */
public final class ClusterStore {

    /** IDENTIFY grants per bucket: {@code bucket.<n>} → the node and shard of the last grant. */
    public static final String IDENTIFY_BUCKET = "hubcord-identify";
    /** Named leases: {@code <name>} → holder session, node and ttl. */
    public static final String LEASES_BUCKET = "hubcord-leases";

    private final Connection connection;
    private final int replicas;
    private final String node;

    /**
     * @param replicas copies of each bucket kept by JetStream (3 survives the loss of one NATS node; at most the
     *     number of NATS nodes)
     * @param node this hub node's name, written beside every value for inspection with the {@code nats} CLI
     */
    public ClusterStore(Connection connection, int replicas, String node) {
        String version = connection.getServerInfo().getVersion();
        if (!supported(version)) {
            throw new IllegalStateException("nats-server " + version + " cannot hold a clustered hub's state: its "
                    + "compare-and-set is not safe across a NATS cluster before 2.10 (docs/cluster.md); upgrade it");
        }
        this.connection = connection;
        this.replicas = replicas;
        this.node = node;
    }

    /** The bucket, created if it does not exist yet. */
    public KeyValue bucket(String name) throws IOException, JetStreamApiException {
        KeyValueManagement management = connection.keyValueManagement();
        if (!management.getBucketNames().contains(name)) {
            try {
                management.create(KeyValueConfiguration.builder().name(name).maxHistoryPerKey(1)
                        .storageType(StorageType.File).replicas(replicas).build());
            } catch (JetStreamApiException raced) {
                // another node created it between the check and the create: use theirs
                if (!management.getBucketNames().contains(name)) {
                    throw raced;
                }
            }
        }
        return connection.keyValue(name);
    }

    /** Whether a nats-server version is one whose cluster honours compare-and-set (2.10 and newer). */
    static boolean supported(String version) {
        String[] parts = version.split("[.-]");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return major > 2 || major == 2 && minor >= 10;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public String node() {
        return node;
    }
}
