package io.meterhub.mediation.jsonpath;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code left.right} (also {@code left[...]}): right applied to each match of left. A chain {@code a.b.c} is kept
 * flat and evaluated step by step, each step over all matches of the previous one, which is the order Python's
 * nested {@code Child(Child(a, b), c)} gives.
 */
final class ChildNode extends Node {

    private final Node[] steps;

    ChildNode(Node left, Node right) {
        List<Node> chain = new ArrayList<>();
        if (left instanceof ChildNode c) {
            chain.addAll(List.of(c.steps));
        } else {
            chain.add(left);
        }
        chain.add(right);
        this.steps = chain.toArray(new Node[0]);
    }

    /** The steps of the chain, leftmost first. */
    List<Node> steps() {
        return List.of(steps);
    }

    @Override
    void find(Datum datum, List<Datum> out) {
        List<Datum> current = List.of(datum);
        for (int s = 0; s < steps.length - 1; s++) {
            List<Datum> next = new ArrayList<>(Math.max(4, current.size()));
            for (Datum d : current) {
                steps[s].find(d, next);
            }
            current = next;
        }
        Node last = steps[steps.length - 1];
        for (Datum d : current) {
            last.find(d, out);
        }
    }

    @Override
    public String toString() {
        String tree = steps[0].toString();
        for (int s = 1; s < steps.length; s++) {
            tree = "Child(" + tree + "," + steps[s] + ")";
        }
        return tree;
    }
}
