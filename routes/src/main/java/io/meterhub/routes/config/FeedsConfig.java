package io.meterhub.routes.config;

import io.meterhub.feeds.FeedSettings;

/** The feeds as the options configure them. */
public final class FeedsConfig {

    private FeedsConfig() {}

    public static FeedSettings settings(HubConfig config) {
        return new FeedSettings(config.get(HubOptions.FEEDS_REGION), config.get(HubOptions.FEEDS_CATEGORIES));
    }
}
