import { Center, Loader } from '@mantine/core';
import { Navigate, Route, Routes } from 'react-router';
import { Shell } from './components/Shell.js';
import { LoginPage } from './pages/LoginPage.js';
import { PAGES } from './pages/registry.js';
import { useSession } from './session.js';

export function App() {
  const session = useSession();
  if (session.isPending) {
    return (
      <Center h="100vh">
        <Loader role="status" aria-label="Loading" />
      </Center>
    );
  }
  if (!session.data) return <LoginPage />;
  return (
    <Shell user={session.data}>
      <Routes>
        {PAGES.map((page) => (
          <Route key={page.path} path={page.path} element={page.element} />
        ))}
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </Shell>
  );
}
