/**
 * A container image reference split the way the container runtime resolves it
 * (distribution/reference normalize.go; https://kubernetes.io/docs/concepts/containers/images/#image-names):
 * no registry means Docker Hub, a one-part Docker Hub name lives under `library/`, and no tag means `latest`.
 */
export interface ImageReference {
  /** `docker.io`, `registry.k8s.io`, `ghcr.io`... */
  registry: string;
  /** `library/nginx`, `e2e-test-images/agnhost`. */
  repository: string;
  tag: string;
  digest?: string;
  /** `docker.io/library/nginx`: registry and repository, the key the catalog is indexed by. */
  name: string;
}

const DOCKER_HUB = "docker.io";

/**
 * References already parsed: the simulator asks about the same few images on every connection and every
 * kubelet pass. Bounded because image names are the learner's to choose.
 */
const parsed = new Map<string, ImageReference | undefined>();
const MAX_PARSED = 512;

export function parseImageReference(image: string): Readonly<ImageReference> | undefined {
  if (parsed.has(image)) return parsed.get(image);
  const reference = parseUncached(image);
  if (parsed.size >= MAX_PARSED) parsed.clear();
  parsed.set(image, reference === undefined ? undefined : Object.freeze(reference));
  return reference;
}

function parseUncached(image: string): ImageReference | undefined {
  const text = image.trim();
  if (text === "" || /\s/.test(text)) return undefined;
  const [withoutDigest, digest] = text.split("@", 2);
  const slash = withoutDigest.indexOf("/");
  const first = slash === -1 ? "" : withoutDigest.slice(0, slash);
  // A first component is a registry host only if it looks like one: has a dot or a port, or is localhost.
  const hasRegistry = slash !== -1 && (first.includes(".") || first.includes(":") || first === "localhost");
  const registry = hasRegistry ? (first === "index.docker.io" ? DOCKER_HUB : first) : DOCKER_HUB;
  let remainder = hasRegistry ? withoutDigest.slice(slash + 1) : withoutDigest;
  let tag = "latest";
  const colon = remainder.lastIndexOf(":");
  if (colon > remainder.lastIndexOf("/")) {
    tag = remainder.slice(colon + 1);
    remainder = remainder.slice(0, colon);
  }
  if (remainder === "" || tag === "") return undefined;
  const repository = registry === DOCKER_HUB && !remainder.includes("/") ? `library/${remainder}` : remainder;
  return { registry, repository: repository.toLowerCase(), tag, digest, name: `${registry}/${repository.toLowerCase()}` };
}
