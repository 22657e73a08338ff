import { useEffect, useState } from 'react';
import type { DialpaneClient } from '../api';

/** The `src` for a person's photo (see DialpaneClient.photoSource); undefined while loading or without one. */
export function usePhotoSource(client: DialpaneClient, photoUrl: string | undefined): string | undefined {
  const [src, setSrc] = useState<string | undefined>(undefined);
  useEffect(() => {
    setSrc(undefined);
    if (photoUrl === undefined) return undefined;
    const controller = new AbortController();
    let revoke: (() => void) | undefined;
    void client.photoSource(photoUrl, controller.signal).then((source) => {
      if (source === undefined) return;
      if (controller.signal.aborted) {
        source.revoke();
        return;
      }
      revoke = source.revoke;
      setSrc(source.src);
    });
    return () => {
      controller.abort();
      revoke?.();
    };
  }, [client, photoUrl]);
  return src;
}
