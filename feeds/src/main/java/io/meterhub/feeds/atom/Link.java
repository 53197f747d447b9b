package io.meterhub.feeds.atom;

/** An Atom link: its relation ({@code self}, {@code next}, ...) and absolute URL. */
public record Link(String rel, String href) {}
