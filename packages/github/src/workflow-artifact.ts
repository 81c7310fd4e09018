import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
import { unzipSync } from 'fflate';
import type { GitHubClient } from './client';
import { ArtifactDownloadError } from './errors';
import type { RepoCoordinates } from './release-assets';

/**
 * Downloads an artifact's zip and extracts it into `destDir` (replaced as a whole, through a
 * staging folder). Entries that would land outside `destDir` are refused.
 */
export async function downloadArtifact(
  client: GitHubClient,
  where: RepoCoordinates,
  artifactId: number,
  destDir: string,
): Promise<string[]> {
  const response = await client.rest.actions.downloadArtifact({
    ...where,
    artifact_id: artifactId,
    archive_format: 'zip',
  });
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(new Uint8Array(response.data as ArrayBuffer));
  } catch (cause) {
    throw new ArtifactDownloadError(`artifact ${artifactId} is not a readable zip archive`, {
      cause,
    });
  }
  const staging = `${destDir}.download-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  const files: string[] = [];
  try {
    for (const [name, bytes] of Object.entries(entries)) {
      if (name.endsWith('/')) continue;
      const path = normalize(join(staging, name));
      if (!path.startsWith(`${staging}${sep}`)) {
        throw new ArtifactDownloadError(
          `artifact ${artifactId}: entry "${name}" points outside the folder`,
        );
      }
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, bytes);
      files.push(name);
    }
    await rm(destDir, { recursive: true, force: true });
    await mkdir(dirname(destDir), { recursive: true });
    await rename(staging, destDir);
    return files.sort();
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}
