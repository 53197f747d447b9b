package io.meterhub.routes;

import io.meterhub.routes.config.ConfigException;
import io.meterhub.routes.config.HubConfig;
import io.meterhub.routes.config.HubOption;
import io.meterhub.routes.config.HubOptions;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code meterhub run [--option=value ...]}: starts the hub, prints one line per endpoint and then {@code ready},
 * and runs until SIGINT/SIGTERM. Exit status 2 for a bad option, 1 when start-up fails otherwise.
 * {@code meterhub translate [...]}: see {@link TranslateCommand}.
 */
public final class MeterhubMain {

    private MeterhubMain() {}

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv()));
    }

    static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
        return run(args, System.in, out, err, env);
    }

    static int run(String[] args, InputStream in, PrintWriter out, PrintWriter err, Map<String, String> env) {
        CommandLine cli = new CommandLine(spec());
        ParseResult parsed;
        try {
            parsed = cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            err.println("meterhub: " + e.getMessage());
            err.println("Try 'meterhub run --help' for the options.");
            return 2;
        }
        ParseResult run = parsed.subcommand();
        if (parsed.isUsageHelpRequested() || run == null) {
            cli.usage(out);
            return run == null && !parsed.isUsageHelpRequested() ? 2 : 0;
        }
        if (run.isUsageHelpRequested()) {
            cli.getSubcommands().get(run.commandSpec().name()).usage(out);
            return 0;
        }
        HubConfig config;
        try {
            config = HubConfig.resolve(flags(run), env, configFile(run, env));
        } catch (ConfigException e) {
            err.println("meterhub: " + e.getMessage());
            return 2;
        }
        if (run.commandSpec().name().equals(TranslateCommand.NAME)) {
            return TranslateCommand.run(config, in, out, err);
        }
        Hub hub;
        try {
            hub = Hub.start(config);
        } catch (ConfigException e) {
            err.println("meterhub: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("meterhub: start-up failed: " + e);
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            out.println("meterhub stopping");
                            hub.close();
                            out.println("meterhub stopped");
                            stopped.countDown();
                        },
                        "meterhub-shutdown"));
        hub.endpoints().forEach(line -> out.println("meterhub " + line));
        out.println("meterhub ready");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    static CommandSpec spec() {
        CommandSpec run = CommandSpec.create().name("run").mixinStandardHelpOptions(true);
        run.usageMessage()
                .description("Start the hub with embedded defaults; options may also come from the "
                        + "environment (METERHUB_<OPTION>) or a properties file (--config).");
        addOptions(run, HubOptions.ALL);
        run.addOption(OptionSpec.builder("--" + HubOptions.CONFIG)
                .paramLabel("FILE")
                .type(String.class)
                .description("properties file of options (keys as the flags, without --); "
                        + "default ./meterhub.properties when present")
                .build());
        CommandSpec top = CommandSpec.create().name("meterhub").mixinStandardHelpOptions(true);
        top.usageMessage().description("OpenStack metering hub");
        top.addSubcommand("run", run);
        top.addSubcommand(TranslateCommand.NAME, TranslateCommand.spec());
        return top;
    }

    /** One {@code --name=VALUE} option per hub option, with its description and default. */
    static void addOptions(CommandSpec command, java.util.List<HubOption<?>> options) {
        for (HubOption<?> o : options) {
            String def = o.defaultValue().isEmpty() ? "" : " (default: " + o.defaultValue() + ")";
            command.addOption(OptionSpec.builder("--" + o.name())
                    .paramLabel(o.paramLabel())
                    .type(String.class)
                    .description(o.description() + def)
                    .build());
        }
    }

    private static Map<String, String> flags(ParseResult run) {
        Map<String, String> flags = new HashMap<>();
        for (HubOption<?> o : HubOptions.ALL) {
            if (run.commandSpec().findOption("--" + o.name()) != null && run.hasMatchedOption("--" + o.name())) {
                flags.put(o.name(), run.matchedOptionValue("--" + o.name(), ""));
            }
        }
        return flags;
    }

    private static Optional<Path> configFile(ParseResult run, Map<String, String> env) {
        String explicit = run.commandSpec().findOption("--" + HubOptions.CONFIG) == null
                ? env.get("METERHUB_CONFIG")
                : run.matchedOptionValue("--" + HubOptions.CONFIG, env.get("METERHUB_CONFIG"));
        if (explicit != null) {
            return Optional.of(Path.of(explicit).toAbsolutePath());
        }
        Path local = Path.of("meterhub.properties").toAbsolutePath();
        return local.toFile().isFile() ? Optional.of(local) : Optional.empty();
    }
}
