package io.meterhub.feeds.read;

/** Which way a page goes from its marker: towards newer entries (forward) or older ones (backward). */
public enum Direction {
    FORWARD,
    BACKWARD
}
