package org.careflow.design;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.careflow.CareflowTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** Deploying the models again changes nothing; a changed file deploys a new version of that file only. */
class ModelDeployerTest extends CareflowTest {

  @Autowired ModelDeployer deployer;
  @Autowired RepositoryService repository;
  @Autowired org.springframework.transaction.PlatformTransactionManager transactionManager;
  @Autowired org.careflow.shared.EngineTables jdbc;

  @Test
  void aRestartDeploysNothingAndOneChangedFileDeploysOnlyItself(@TempDir Path dir) throws IOException {
    assertThat(deployer.deploy()).as("unchanged models").isNull();

    for (String folder : ModelDeployer.FOLDERS) {
      Files.createDirectories(dir.resolve(folder));
      try (var files = Files.list(Path.of(folder))) {
        for (Path p : files.toList()) {
          Files.copy(p, dir.resolve(folder).resolve(p.getFileName()));
        }
      }
    }
    ModelDeployer fromFolder = new ModelDeployer(repository, dir.toString(), transactionManager, jdbc);
    assertThat(fromFolder.deploy()).as("the same files from a folder").isNull();

    Path meeting = dir.resolve("processes/guardian-meeting.bpmn");
    Files.writeString(meeting, Files.readString(meeting).replace("留守儿童家长会", "留守儿童家长会（修订）"));
    int before = repository.createProcessDefinitionQuery().processDefinitionKey("guardian-meeting").latestVersion().singleResult().getVersion();
    Deployment changed = fromFolder.deploy();
    assertThat(changed).isNotNull();
    assertThat(repository.getDeploymentResourceNames(changed.getId())).containsExactly("processes/guardian-meeting.bpmn");
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("guardian-meeting").latestVersion().singleResult().getVersion())
        .isEqualTo(before + 1);

    // back to the project's version, so the other tests run on it
    assertThat(repository.getDeploymentResourceNames(deployer.deploy().getId())).containsExactly("processes/guardian-meeting.bpmn");
  }
}
