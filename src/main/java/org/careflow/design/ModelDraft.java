package org.careflow.design;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A model (BPMN, DMN or form) edited on /design and saved without deploying it: the whole file, who
 * saved it, when and why. Deploying it records the deployment; a refused deployment leaves it as it was.
 */
@Entity
@Table(name = "cf_model_draft")
public class ModelDraft {

  static final int MAX_CONTENT = 1_000_000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  /** The deployment resource it replaces, e.g. {@code processes/child-case.bpmn}. */
  @Column(nullable = false, length = 255)
  private String resource;
  /** The process, decision or form id in the file: what its deployed versions are found by. */
  @Column(nullable = false, length = 255)
  private String modelKey;
  @Column(nullable = false, length = MAX_CONTENT)
  private String content;
  @Column(nullable = false, length = 64)
  private String author;
  @Column(nullable = false)
  private Instant savedAt;
  @Column(length = 500)
  private String comment;
  /** Set once deployed; a draft without it is still open. */
  @Column(length = 64)
  private String deploymentId;

  protected ModelDraft() {}

  ModelDraft(String resource, String modelKey, String content, String author, Instant savedAt, String comment) {
    this.resource = resource;
    this.modelKey = modelKey;
    this.content = content;
    this.author = author;
    this.savedAt = savedAt;
    this.comment = comment;
  }

  void deployed(String deploymentId) {
    this.deploymentId = deploymentId;
  }

  public Long getId() { return id; }
  public String getResource() { return resource; }
  public String getModelKey() { return modelKey; }
  public String getContent() { return content; }
  public String getAuthor() { return author; }
  public Instant getSavedAt() { return savedAt; }
  public String getComment() { return comment; }
  public String getDeploymentId() { return deploymentId; }

  /** bpmn, dmn or form: which editor opens it. */
  public String getKind() {
    return ModelDrafts.kindOf(resource);
  }
}
