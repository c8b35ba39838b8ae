package org.careflow.design;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Who deployed what, when and from where: the engine's own deployment table does not keep the author. */
@Entity
@Table(name = "cf_deployment_record")
public class DeploymentRecord {

  @Id
  @Column(length = 64)
  private String deploymentId;
  @Column(nullable = false, length = 64)
  private String author;
  @Column(nullable = false)
  private Instant deployedAt;
  @Column(length = 255)
  private String source;
  @Column(length = 255)
  private String name;
  /** Why it was deployed, as the coordinator wrote it on /design (none from other paths). */
  @Column(length = 500)
  private String comment;

  protected DeploymentRecord() {}

  public String getDeploymentId() { return deploymentId; }
  public String getAuthor() { return author; }
  public Instant getDeployedAt() { return deployedAt; }
  public String getSource() { return source; }
  public String getName() { return name; }
  public String getComment() { return comment; }
}
