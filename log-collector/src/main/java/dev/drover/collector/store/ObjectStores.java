package dev.drover.collector.store;

import dev.drover.contract.storage.RemotePath;
import java.util.List;

/** Picks the store that serves a location: the first of a list, the local file store last. */
public final class ObjectStores {

    private final List<ObjectStore> stores;

    public ObjectStores(List<ObjectStore> stores) {
        this.stores = List.copyOf(stores);
    }

    /** Makes every store's recent writes durable. */
    public void flush() throws java.io.IOException {
        for (ObjectStore store : stores) {
            store.flush();
        }
    }

    /** The store for {@code location}. */
    public ObjectStore forLocation(RemotePath location) {
        return stores.stream()
                .filter(s -> s.serves(location))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no store serves " + location));
    }
}
