import { useEffect, useState } from 'react';
import type { Person } from '../../shared/api';
import type { ApiFailure, DialpaneClient } from '../api';

export interface PersonDetails {
  /** The freshest copy: the list's until the details answer arrives. */
  person: Person;
  loading: boolean;
  /** Set when the refresh failed; the list's copy stays on screen. */
  error: ApiFailure | null;
}

/** Opens a person: shows what the list already has at once, then refreshes it from the directory. */
export function usePersonDetails(client: DialpaneClient, directoryId: string, listed: Person): PersonDetails {
  const [details, setDetails] = useState<PersonDetails>({ person: listed, loading: true, error: null });
  useEffect(() => {
    const controller = new AbortController();
    setDetails({ person: listed, loading: true, error: null });
    void client.person(directoryId, listed.id, controller.signal).then((result) => {
      if (controller.signal.aborted) return;
      setDetails(result.ok ? { person: result.data, loading: false, error: null } : { person: listed, loading: false, error: result.error });
    });
    return () => controller.abort();
  }, [client, directoryId, listed]);
  return details;
}
