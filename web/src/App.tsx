import { Center, Loader } from '@mantine/core';
import { Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { Shell } from './components/Shell.js';
import { usePermissions } from './hooks/usePermissions.js';
import { LoginPage } from './pages/LoginPage.js';
import { canOpen, PAGES } from './pages/registry.js';
import { useSession } from './session.js';

export function App() {
  const session = useSession();
  const permissions = usePermissions();
  if (session.isPending) {
    return (
      <Center h="100vh">
        <Loader role="status" aria-label="Loading" />
      </Center>
    );
  }
  if (!session.data) return <LoginPage />;
  const pages = PAGES.filter((page) => canOpen(page, permissions));
  // Anything else leads to the first page this role may open (the dashboard for all but members).
  const home = pages[0]?.path ?? '/settings';
  return (
    <Shell user={session.data}>
      <Suspense fallback={<Loader role="status" aria-label="Loading page" />}>
        <Routes>
          {pages.map((page) => (
            <Route key={page.path} path={page.path} element={page.element} />
          ))}
          <Route path="*" element={<Navigate to={home} replace />} />
        </Routes>
      </Suspense>
    </Shell>
  );
}
