-- Self-service profiles: where the user is, and whether their public profile shows their email.
ALTER TABLE users ADD COLUMN location VARCHAR(100);
ALTER TABLE users ADD COLUMN show_email BOOLEAN NOT NULL DEFAULT FALSE;
