package org.careflow.activity;

/** A file as it came in with the form: its name and its bytes (the type is read from the bytes). */
public record ActivityUpload(String fileName, byte[] content) {}
