/** Documentation link GitHub puts in generic error bodies. */
export const REST_DOCS_URL = 'https://docs.github.com/rest';

/** One entry of a 422 body's `errors` array. */
export interface ValidationErrorEntry {
  resource: string;
  code: 'missing' | 'missing_field' | 'invalid' | 'already_exists' | 'unprocessable' | 'custom';
  field?: string;
  message?: string;
}

/** GitHub's error body: `message`, `documentation_url`, and `status` as a string. */
export interface ErrorBody {
  message: string;
  documentation_url: string;
  status: string;
  errors?: ValidationErrorEntry[];
}

/**
 * An HTTP error response a handler answers with; the router catches it and writes it.
 * Bodies follow GitHub's shape, e.g. `{ message: "Not Found", documentation_url, status: "404" }`.
 */
export class ApiErrorResponse extends Error {
  override readonly name = 'ApiErrorResponse';
  readonly status: number;
  readonly body: ErrorBody;
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: number,
    message: string,
    extra: {
      errors?: ValidationErrorEntry[];
      documentationUrl?: string;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(`${status} ${message}`);
    this.status = status;
    this.headers = extra.headers ?? {};
    this.body = {
      message,
      documentation_url: extra.documentationUrl ?? REST_DOCS_URL,
      status: String(status),
      ...(extra.errors === undefined ? {} : { errors: extra.errors }),
    };
  }
}

export function notFound(documentationUrl?: string): ApiErrorResponse {
  return new ApiErrorResponse(
    404,
    'Not Found',
    documentationUrl === undefined ? {} : { documentationUrl },
  );
}

/** 403 as GitHub answers an installation token that lacks the access (`GITHUB_TOKEN` included). */
export function notAccessible(documentationUrl?: string): ApiErrorResponse {
  return new ApiErrorResponse(
    403,
    'Resource not accessible by integration',
    documentationUrl === undefined ? {} : { documentationUrl },
  );
}

/** 422 `Validation Failed` with GitHub's `errors` array. */
export function validationFailed(
  errors: ValidationErrorEntry[],
  documentationUrl?: string,
): ApiErrorResponse {
  return new ApiErrorResponse(422, 'Validation Failed', {
    errors,
    ...(documentationUrl === undefined ? {} : { documentationUrl }),
  });
}

/** 422 whose message says what is wrong (e.g. "Reference already exists"). */
export function unprocessable(message: string, documentationUrl?: string): ApiErrorResponse {
  return new ApiErrorResponse(
    422,
    message,
    documentationUrl === undefined ? {} : { documentationUrl },
  );
}

/** Documentation URLs of the operations whose errors name them. */
export const DOCS = {
  createRelease: 'https://docs.github.com/rest/releases/releases#create-a-release',
  uploadReleaseAsset: 'https://docs.github.com/rest/releases/assets#upload-a-release-asset',
  createRef: 'https://docs.github.com/rest/git/refs#create-a-reference',
  getRef: 'https://docs.github.com/rest/git/refs#get-a-reference',
  createCheckRun: 'https://docs.github.com/rest/checks/runs#create-a-check-run',
  createCommitStatus: 'https://docs.github.com/rest/commits/statuses#create-a-commit-status',
  createDeployment: 'https://docs.github.com/rest/deployments/deployments#create-a-deployment',
  createDeploymentStatus:
    'https://docs.github.com/rest/deployments/statuses#create-a-deployment-status',
  createIssueComment: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
  updateIssueComment: 'https://docs.github.com/rest/issues/comments#update-an-issue-comment',
  updateIssue: 'https://docs.github.com/rest/issues/issues#update-an-issue',
} as const;
