package io.meterhub.agent;

import io.meterhub.agent.config.AgentConfigException;
import io.meterhub.agent.config.AgentOptions;
import io.meterhub.agent.config.AgentSettings;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;

/**
 * {@code meterhub agent [--option=value ...]}: starts the polling agent, prints what it does and {@code ready}, and
 * runs until SIGINT/SIGTERM. Exit status 2 for a bad option or configuration file (the message names it), 1 when
 * start-up fails otherwise.
 */
public final class AgentMain {

    private AgentMain() {}

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    static int run(String[] args, PrintWriter out, PrintWriter err) {
        AgentOptions options = new AgentOptions();
        CommandLine cli = new CommandLine(options);
        AgentSettings settings;
        try {
            cli.parseArgs(args);
            if (cli.isUsageHelpRequested()) {
                cli.usage(out);
                return 0;
            }
            if (cli.isVersionHelpRequested()) {
                out.println("meterhub agent");
                return 0;
            }
            settings = AgentSettings.of(options);
        } catch (CommandLine.ParameterException | AgentConfigException e) {
            err.println("meterhub agent: " + e.getMessage());
            err.println("Try 'meterhub agent --help' for the options.");
            return 2;
        }
        Agent agent;
        try {
            agent = Agent.start(settings);
        } catch (Exception e) {
            err.println("meterhub agent: start-up failed: " + e);
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            agent.close();
                            out.println("meterhub agent stopped");
                            stopped.countDown();
                        },
                        "meterhub-agent-shutdown"));
        agent.description().forEach(line -> out.println("meterhub agent " + line));
        out.println("meterhub agent ready");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
