package org.careflow.design;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.careflow.shared.EngineTables;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Component;

/**
 * Deploys the project's models (processes/ and forms/) at start, with stable resource names such as
 * {@code processes/child-case.bpmn}: wherever the app is installed, a restart with unchanged files
 * deploys nothing and a changed file deploys a new version of that file only. Forms are included
 * explicitly: the starter's own scan would skip them. Reads the copies inside the jar, or the folder
 * named by {@code careflow.model-dir} (for development).
 */
@Component
@Order(0)
public class ModelDeployer implements ApplicationRunner {

  public static final String DEPLOYMENT_NAME = "careflow";
  static final String[] FOLDERS = {"processes", "forms"};
  private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);

  private final RepositoryService repository;
  private final String modelDir;
  private final TransactionTemplate transactions;
  private final EngineTables jdbc;

  public ModelDeployer(RepositoryService repository, @Value("${careflow.model-dir:}") String modelDir,
      PlatformTransactionManager transactionManager, EngineTables jdbc) {
    this.repository = repository;
    this.modelDir = modelDir;
    this.transactions = new TransactionTemplate(transactionManager);
    this.jdbc = jdbc;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    deploy();
  }

  /** Returns the new deployment, or null when nothing changed. */
  public Deployment deploy() throws IOException {
    Map<String, byte[]> models = modelDir.isBlank() ? fromClasspath() : fromFolder(Path.of(modelDir));
    if (models.isEmpty()) {
      throw new IllegalStateException("no models found in " + (modelDir.isBlank() ? "the classpath" : modelDir));
    }
    DeploymentBuilder builder = repository.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source("careflow start")
        .enableDuplicateFiltering(true);
    models.forEach((name, bytes) -> builder.addInputStream(name, new java.io.ByteArrayInputStream(bytes)));
    // Several nodes may start at once. The engine serialises deployments with its deployment lock (a
    // row of ACT_GE_PROPERTY, locked for the deploying transaction), so duplicate filtering sees what
    // another node has just deployed and no second version is made. Taking that same lock first, in
    // the transaction that deploys, also makes the before/after count below this node's own.
    Deployment[] deployed = new Deployment[1];
    boolean changed = Boolean.TRUE.equals(transactions.execute(s -> {
      jdbc.lockDeployments();
      long before = repository.createDeploymentQuery().count();
      deployed[0] = builder.deploy();
      return repository.createDeploymentQuery().count() > before;
    }));
    Deployment deployment = deployed[0];
    log.info("models: {} files checked, {}", models.size(), changed ? "new deployment " + deployment.getId() : "nothing changed");
    return changed ? deployment : null;
  }

  static Map<String, byte[]> fromClasspath() throws IOException {
    Map<String, byte[]> models = new TreeMap<>();
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    for (String folder : FOLDERS) {
      for (Resource r : resolver.getResources("classpath*:" + folder + "/*.*")) {
        String name = r.getFilename();
        if (name != null && isModel(name)) {
          try (InputStream in = r.getInputStream()) {
            models.put(folder + "/" + name, in.readAllBytes());
          }
        }
      }
    }
    return models;
  }

  static Map<String, byte[]> fromFolder(Path root) throws IOException {
    Map<String, byte[]> models = new TreeMap<>();
    for (String folder : FOLDERS) {
      Path dir = root.resolve(folder);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.list(dir)) {
        for (Path p : (Iterable<Path>) files::iterator) {
          String name = p.getFileName().toString();
          if (isModel(name)) {
            models.put(folder + "/" + name, Files.readAllBytes(p));
          }
        }
      }
    }
    return models;
  }

  static boolean isModel(String name) {
    return name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".form");
  }
}
