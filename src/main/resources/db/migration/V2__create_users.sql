CREATE EXTENSION IF NOT EXISTS citext;

-- Column names follow the original FastAPI project's users table so that its data can be migrated.
CREATE TABLE users
(
  id                             UUID         NOT NULL PRIMARY KEY,
  email                          CITEXT       NOT NULL,
  nickname                       CITEXT       NOT NULL,
  hashed_password                VARCHAR(255) NOT NULL,
  first_name                     VARCHAR(100),
  last_name                      VARCHAR(100),
  bio                            VARCHAR(500),
  profile_picture_url            VARCHAR(2048),
  linkedin_profile_url           VARCHAR(2048),
  github_profile_url             VARCHAR(2048),
  role                           VARCHAR(20)  NOT NULL
    CONSTRAINT users_role_check CHECK (role IN ('ANONYMOUS', 'AUTHENTICATED', 'MANAGER', 'ADMIN')),
  is_professional                BOOLEAN      NOT NULL DEFAULT FALSE,
  professional_status_updated_at TIMESTAMPTZ,
  email_verified                 BOOLEAN      NOT NULL DEFAULT FALSE,
  is_locked                      BOOLEAN      NOT NULL DEFAULT FALSE,
  locked_until                   TIMESTAMPTZ,
  failed_login_attempts          INTEGER      NOT NULL DEFAULT 0,
  last_login_at                  TIMESTAMPTZ,
  created_at                     TIMESTAMPTZ  NOT NULL,
  updated_at                     TIMESTAMPTZ  NOT NULL,
  version                        BIGINT       NOT NULL DEFAULT 0,
  CONSTRAINT users_email_key UNIQUE (email),
  CONSTRAINT users_nickname_key UNIQUE (nickname)
);

-- The users list pages in creation order with a stable tiebreak.
CREATE INDEX users_created_at_id_idx ON users (created_at, id);
-- The last-admin rule counts admins.
CREATE INDEX users_role_idx ON users (role);
